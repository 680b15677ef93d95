import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A new temporary folder (named from `prefix`) holding a `workspace` folder and, beside it, an `outside`
 * folder the attacker wants written: `../outside` from the workspace.
 */
export async function workspaceBesideOutside(
  prefix: string,
): Promise<{ workspace: string; outside: string }> {
  const base = await mkdtemp(join(tmpdir(), prefix))
  const workspace = join(base, 'workspace')
  const outside = join(base, 'outside')
  await mkdir(workspace)
  await mkdir(outside)
  return { workspace, outside }
}
