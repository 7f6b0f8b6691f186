import type { Command } from '../command';
import { geoCommands } from './geo';
import { accountCommands } from './accounts';
import { open311Commands } from './open311';
import { reportCommands } from './reports';
import { secretCommands } from './secret';
import { peopleCommands } from './people';
import { setupCommands } from './setup';
import { documentCommands } from './documents';
import { backupCommands } from './backup';

/** Every CLI command by name. Add yours with one spread line. */
export const commands: Record<string, Command> = {
  ...geoCommands,
  ...accountCommands,
  ...reportCommands,
  ...open311Commands,
  ...secretCommands,
  ...peopleCommands,
  ...setupCommands,
  ...documentCommands,
  ...backupCommands
};
