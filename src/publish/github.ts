import { backoffMs } from '../core/backoff.js'
import { posix } from 'node:path'
import type { Log } from '../core/log.js'
import { BranchMovedError, GitHubRepository } from './github-repository.js'
import type { BranchState, RepositoryState } from './branch-state.js'
import type { GitHubConnection } from './octokit.js'
import { POST_RECORD, recordChanges } from '../core/post-record.js'
import type { ChangeSet, FileChange, KeptReason, Publisher, PublishResult } from '../core/changes.js'
import { logKept, policyOf, writeDecision } from './write-policy.js'
import { parseStateFile, UnreadableStateError } from '../core/state-file.js'
import { batchedReader } from './read-batch.js'
import { commitOnce } from './read-back.js'

/** Attempts when the branch moves between our read and our commit. */
const MAX_COMMIT_ATTEMPTS = 4
const BACKOFF_BASE_MS = 500

/**
 * The first batch of reads goes out with the branch's head and the files of `folders`, which the first
 * commit attempt uses: a day's run makes two requests. Commits are compare-and-swap (`expectedHeadOid`):
 * when someone else committed in between, the branch is read again after a jittered backoff. Never forced.
 */
export function gitHubPublisher(
  connection: GitHubConnection,
  workBranch: string | undefined,
  commit: (
    repository: GitHubRepository,
    state: RepositoryState,
    changes: ChangeSet,
    pending: FileChange[],
  ) => Promise<PublishResult>,
): Publisher {
  const { branch, folders = [], log, clock, random = Math.random } = connection
  const repository = new GitHubRepository(connection)
  let first: Promise<RepositoryState> | undefined
  // Kept for otherPullRequests once `first` has been used.
  let firstRead: Promise<RepositoryState> | undefined
  let started = folders.length === 0
  // As the first read found it, once, or read now.
  const state = (changes: ChangeSet): Promise<RepositoryState> => {
    const snapshot = first
    first = undefined
    // The folders a change set writes to, its record files' included: what one read of the branch covers.
    const paths = [...changes.files.map((file) => file.path), ...(changes.record?.files.keys() ?? [])]
    const wanted = [...new Set(paths.map((path) => posix.dirname(path)))]
    const read = () => repository.read(branch, wanted, workBranch)
    return snapshot && wanted.every((folder) => folders.includes(folder)) ? snapshot.catch(read) : read()
  }
  /** `seen.before`: the change set's folders as its first attempt read them; what changed since is someone else's. */
  const attempt = async (changes: ChangeSet, seen: { before?: BranchState['blobs'] }) => {
    const read = await state(changes)
    const before = (seen.before ??= read.base.blobs)
    // With an open pull request, the action's last write of a post is on the work branch: only there can
    // it tell an edit, or a deletion, from its own unmerged work.
    const target = filesToWrite(changes.files, read.base, {
      overwrite: changes.overwrite,
      log,
      work: read.work && { unmerged: read.workPullRequestFiles },
      before,
    })
    if (target.pending.length === 0) return { written: [], kept: target.kept }
    const result = await commit(repository, read, changes, target.pending)
    return { ...result, kept: [...target.kept, ...result.kept] }
  }
  return {
    readText: batchedReader(async (paths) => {
      if (started) return repository.readTexts(branch, workBranch, paths)
      started = true
      first = firstRead = repository.read(branch, [...folders], workBranch, paths)
      return (await first).files
    }),
    ...(workBranch === undefined
      ? {}
      : {
          otherPullRequests: async () => (await firstRead)?.otherPullRequests ?? new Map<string, string>(),
          readBaseText: batchedReader((paths) => repository.readTexts(branch, undefined, paths)),
        }),
    async publish(changes) {
      const seen = {}
      for (let count = 1; ; count++) {
        try {
          return await attempt(changes, seen)
        } catch (error) {
          if (!(error instanceof BranchMovedError)) throw error
          if (count === MAX_COMMIT_ATTEMPTS)
            throw new Error(
              `${error.message}, ${count} times in a row: something else is committing to it (another run, a person, a bot); nothing was written: run again once it is quiet, and give the workflow a \`concurrency:\` group so that runs wait for each other`,
              { cause: error },
            )
          const wait = backoffMs(count, { baseMs: BACKOFF_BASE_MS, random, jitter: 'full' })
          log.info(
            `${error.message}; reading it again in ${wait} ms (attempt ${count + 1} of ${MAX_COMMIT_ATTEMPTS})`,
          )
          await clock.sleep(wait)
        }
      }
    },
  }
}

/** Only the files of the change set are touched; a branch that moved is read again (see gitHubPublisher). */
export function createCommitPublisher(connection: GitHubConnection): Publisher {
  return gitHubPublisher(connection, undefined, (repository, { base }, changes, pending) =>
    commitPending(repository, changes, pending, base, connection.log),
  )
}

/**
 * `pending` and the record files they change, as one commit on `branch`. A state file that changed there
 * during the run is merged entry by entry: none lost or put back.
 */
export async function commitPending(
  repository: GitHubRepository,
  changes: ChangeSet,
  pending: FileChange[],
  branch: BranchState,
  log: Log,
): Promise<PublishResult> {
  const read = batchedReader((paths) => repository.readTexts(branch.name, undefined, paths))
  const recordChanged = await recordChangedUnder(read, changes, pending, branch)
  const kept = [...recordChanged].map(([path, reason]) => ({ path, reason }))
  for (const { path, reason } of kept) logKept(log, { path, content: '' }, reason, `on ${branch.name}`)
  const posts = pending.filter((file) => !recordChanged.has(file.path))
  let files: FileChange[] = []
  const unmerged = new Set<string>()
  for (const file of [...posts, ...recordChanges(changes.record, posts)]) {
    if (file.policy?.kind !== 'state') {
      files.push(file)
      continue
    }
    const merged = await mergedOnto(read, file, branch, log)
    if (merged === undefined) {
      unmerged.add(file.path)
      continue
    }
    const decision = writeDecision(merged, branch.blobs.get(file.path), 'changed')
    if (decision.write) files.push(merged)
    else if (decision.reason === 'too-large') logKept(log, file, decision.reason, `on ${branch.name}`)
  }
  // A record file a person broke during the run takes no entry: its posts wait with it, as they would
  // had it been broken when the run read it, rather than be written and then taken for a person's edit.
  if (changes.overwrite !== 'always') {
    const waiting = new Set(
      posts.filter((post) => unmerged.has(changes.record?.posts.get(post.path)?.record ?? '')),
    )
    for (const post of waiting) {
      kept.push({ path: post.path, reason: 'record-unreadable' })
      logKept(log, post, 'record-unreadable', `on ${branch.name}`)
    }
    files = files.filter((file) => !waiting.has(file))
  }
  const { message } = changes
  const commit = files.length > 0 ? await commitOnce(repository, branch, files, { message, log }) : undefined
  return {
    written: files.map((file) => file.path),
    kept,
    commitSha: commit?.oid,
    commitUrl: commit?.url,
    commitBranch: commit && branch.name,
  }
}

/**
 * Posts the record said the action wrote, whose entry was removed during the run (the opt-out) or edited
 * into one the action cannot read: not written, nor the entry put back; the run's own are written all the
 * same under overwrite: always.
 */
async function recordChangedUnder(
  read: Publisher['readText'],
  { record, overwrite }: ChangeSet,
  pending: FileChange[],
  branch: BranchState,
): Promise<Map<string, 'unrecorded' | 'record-unreadable'>> {
  const recorded = ({ policy }: FileChange) =>
    policy?.kind === 'unedited' ||
    (policy?.kind === 'overwrite' && policy.lastWritten !== undefined && overwrite !== 'always')
  const moved = pending.flatMap((file) => {
    const post = recorded(file) ? record?.posts.get(file.path) : undefined
    const read = post && record?.files.get(post.record)
    // A file there was none of when the run read it held no entry to remove (the post's is an older one's).
    const moved = post && read?.readOid !== undefined && branch.blobs.get(post.record) !== read.readOid
    return moved ? [[file.path, post.record] as const] : []
  })
  const gone = await Promise.all(
    moved.map(async ([path, recordPath]) => {
      // A record it cannot read says nothing either way.
      const text = await read(recordPath).catch(() => null)
      if (text === null) return []
      const parsed = text === undefined ? undefined : parseStateFile(POST_RECORD, text)
      if (parsed?.readOnly || parsed?.entries.has(path)) return []
      return [[path, parsed?.kept?.has(path) ? 'record-unreadable' : 'unrecorded'] as const]
    }),
  )
  return new Map(gone.flat())
}

/** `file` merged onto the branch's own when it is a state file that moved; undefined when that fails. */
async function mergedOnto(
  read: Publisher['readText'],
  file: FileChange,
  branch: BranchState,
  log: Log,
): Promise<FileChange | undefined> {
  const merge = file.policy?.kind === 'state' ? file.policy.merge : undefined
  if (merge === undefined || branch.blobs.get(file.path) === merge.readOid) return file
  let text: string | undefined
  try {
    text = await read(file.path)
  } catch (error) {
    if (!(error instanceof UnreadableStateError)) throw error
    log.warning(`${file.path} on ${branch.name} ${error.problem}: the run's entries are not added to it`)
    return undefined
  }
  const merged = merge.onto(text)
  if ('problem' in merged) {
    log.warning(
      `${file.path} changed on ${branch.name} during the run and ${merged.problem}: the run's entries are not added to it`,
    )
    return undefined
  }
  log.info(`${file.path} changed on ${branch.name} during the run: the run's entries are merged into it`)
  return { ...file, content: merged.content }
}

/**
 * With `work`, a post that differs from the action's last write is the work branch's to decide, and so is
 * a post of the run's own that is not there: the record read is the work branch's. Not one the work
 * branch's open pull request leaves as it was: there, the base's difference is a person's edit.
 */
export function filesToWrite(
  files: FileChange[],
  branch: BranchState,
  {
    overwrite,
    log,
    work,
    before = branch.blobs,
  }: {
    overwrite: ChangeSet['overwrite']
    log: Log
    work?: { unmerged?: ReadonlySet<string> }
    before?: BranchState['blobs']
  },
): { pending: FileChange[]; kept: PublishResult['kept'] } {
  const pending: FileChange[] = []
  const kept: PublishResult['kept'] = []
  for (const file of files) {
    const oid = branch.blobs.get(file.path)
    const writtenSince = oid !== undefined && oid !== before.get(file.path)
    const decision = duringRun(file, writeDecision(file, oid, overwrite), overwrite, writtenSince)
    if (
      decision.write ||
      (work !== undefined &&
        workBranchDecides(file, decision.reason) &&
        (work.unmerged?.has(file.path) ?? true))
    ) {
      pending.push(file)
    } else {
      kept.push({ path: file.path, reason: decision.reason })
      logKept(log, file, decision.reason, `on ${branch.name}`)
    }
  }
  return { pending, kept }
}

/**
 * A file written on the branch since the run first read it, by a person or by another run whose answer
 * the run cannot see, is theirs under `changed`: one the record does not say the action wrote (a new post,
 * a post by hand) is left as it is, as an edit of a recorded post would be, and such an edit is told as
 * either's, not as a person's.
 */
function duringRun(
  file: FileChange,
  decision: ReturnType<typeof writeDecision>,
  overwrite: ChangeSet['overwrite'],
  writtenSince: boolean,
): ReturnType<typeof writeDecision> {
  if (overwrite !== 'changed' || !writtenSince) return decision
  const policy = policyOf(file)
  const unrecorded = policy.kind === 'overwrite' && policy.lastWritten === undefined
  if ((decision.write && unrecorded) || (!decision.write && DURING_RUN.includes(decision.reason)))
    return { write: false, reason: 'changed-during-run' }
  return decision
}

/** What a file written during the run is taken for when it differs: someone else's, not a person's edit. */
const DURING_RUN: readonly KeptReason[] = ['edited', 'not-recorded']

function workBranchDecides(file: FileChange, reason: KeptReason): boolean {
  return reason === 'edited' || (reason === 'deleted' && file.policy?.kind !== 'unedited')
}
