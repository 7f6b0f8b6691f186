/**
 * `secret rotate`: re-encrypt every protected identity with a new random key kept in DATA_DIR
 * (stop the server first, start it again afterwards, then back up DATA_DIR).
 */
import { config } from '$lib/server/config';
import { rotateIdentityKeys } from '$lib/server/secrets/rotation.service';
import type { Command } from '../command';

export const secretCommands: Record<string, Command> = {
  'secret rotate': {
    usage: '',
    summary: 'stop the server first: re-encrypt every protected identity with a new key kept in DATA_DIR',
    run: async (ctx) => {
      const res = await rotateIdentityKeys(await ctx.db(), config);
      ctx.out(
        `identity key version ${res.version}: ${res.identities} identit(ies) re-encrypted; start the server again`
      );
      return 0;
    }
  }
};
