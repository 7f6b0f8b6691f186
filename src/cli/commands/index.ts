import type { Command } from '../command';
import { geoCommands } from './geo';
import { accountCommands } from './accounts';

/** Every CLI command by name. Add yours with one spread line. */
export const commands: Record<string, Command> = {
  ...geoCommands,
  ...accountCommands
};
