// Tests validate each document against GitHub's published schema (@octokit/graphql-schema).

/** A run writes to at most four folders: posts, data, model summaries, the record. */
export const FOLDER_SLOTS = [0, 1, 2, 3] as const

/** A file's blob as the action reads it: `text` stops at 512,000 bytes, `isTruncated` says when. */
const FILE_TEXT = `fragment FileText on TreeEntry {
  object { ... on Blob { oid byteSize isBinary isTruncated text } }
}`

/**
 * Pull-request mode reads the other open pull requests and the files each changes (the most recently
 * updated, a page of each), so as not to write a file one of them changes too: the second to be merged
 * would conflict. One from a fork does not count: anyone may open one, and it must not hold a post back.
 */
const OPEN_PULL_REQUESTS = 20
const PULL_REQUEST_FILES = 100

/**
 * Everything a run needs to decide, in one round trip: the branches' heads and the blob ids in each folder
 * slot (new and changed files told apart without their content); with `paths`, their texts too. The work
 * branch's pull requests, newest first, whatever their state: its open one, or the merged or closed one
 * that left the branch behind.
 */
export function readBranchDocument(paths = 0): string {
  const { variables, files } = pathFields(paths)
  return `query ReadBranch($owner: String!, $name: String!, $qualifiedName: String!, $useDefaultBranch: Boolean!, $workBranch: String!, $withWorkBranch: Boolean!, $folder0: String! = "", $withFolder0: Boolean! = false, $folder1: String! = "", $withFolder1: Boolean! = false, $folder2: String! = "", $withFolder2: Boolean! = false, $folder3: String! = "", $withFolder3: Boolean! = false${variables}) {
  repository(owner: $owner, name: $name) {
    id
    nameWithOwner
    defaultBranchRef @include(if: $useDefaultBranch) { ...BranchFiles }
    ref(qualifiedName: $qualifiedName) @skip(if: $useDefaultBranch) { ...BranchFiles }
    workBranch: ref(qualifiedName: $workBranch) @include(if: $withWorkBranch) {
      ...BranchFiles
      associatedPullRequests(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { url state } }
    }
    openPullRequests: pullRequests(states: OPEN, first: ${OPEN_PULL_REQUESTS}, orderBy: { field: UPDATED_AT, direction: DESC }) @include(if: $withWorkBranch) {
      nodes { url headRefName baseRefName isCrossRepository files(first: ${PULL_REQUEST_FILES}) { nodes { path } } }
    }
  }
}

fragment BranchFiles on Ref {
  name
  target {
    ... on Commit {
      oid
      url
      parents(first: 1) { nodes { oid } }
      folder0: file(path: $folder0) @include(if: $withFolder0) { ...FolderEntries }
      folder1: file(path: $folder1) @include(if: $withFolder1) { ...FolderEntries }
      folder2: file(path: $folder2) @include(if: $withFolder2) { ...FolderEntries }
      folder3: file(path: $folder3) @include(if: $withFolder3) { ...FolderEntries }${files}
    }
  }
}

fragment FolderEntries on TreeEntry {
  object { ... on Tree { entries { name oid } } }
}${paths > 0 ? `\n\n${FILE_TEXT}` : ''}`
}

/** For `count` paths: the variables `$path0` …, and the fields `file0` … that read them. */
function pathFields(count: number): { variables: string; files: string } {
  const numbers = [...Array(count).keys()]
  return {
    variables: numbers.map((number) => `, $path${number}: String!`).join(''),
    files: numbers
      .map((number) => `\n      file${number}: file(path: $path${number}) { ...FileText }`)
      .join(''),
  }
}

export interface BranchFiles {
  name: string
  target:
    | ({
        oid: string
        url?: string
        parents?: { nodes: Array<{ oid: string } | null> | null }
        [file: `file${number}`]: FileText | null | undefined
      } & {
        [N in (typeof FOLDER_SLOTS)[number] as `folder${N}`]?: {
          object: { entries?: Array<{ name: string; oid: string }> } | null
        } | null
      })
    | null
  associatedPullRequests?: {
    nodes: Array<{ url: string; state: 'OPEN' | 'CLOSED' | 'MERGED' } | null> | null
  }
}

/** The branches a read asks for: the target branch (one of the first two), and the work branch. */
type Branches<T> = Partial<Record<'defaultBranchRef' | 'ref' | 'workBranch', T | null>>

export interface ReadBranchResult {
  repository:
    | ({
        id: string
        nameWithOwner: string
        openPullRequests?: {
          nodes: Array<{
            url: string
            headRefName: string
            baseRefName: string
            isCrossRepository: boolean
            files: { nodes: Array<{ path: string } | null> | null } | null
          } | null> | null
        } | null
      } & Branches<BranchFiles>)
    | null
}

/** One commit on a branch, only if the branch still points where we read it (compare-and-swap). */
export const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`

export const CREATE_REF = `mutation CreateRef($input: CreateRefInput!) {
  createRef(input: $input) { ref { name } }
}`

export const CREATE_PULL_REQUEST = `mutation CreatePullRequest($input: CreatePullRequestInput!) {
  createPullRequest(input: $input) { pullRequest { number url } }
}`

/** `byteSize` lets the reader refuse a file too large to be ours before using its text. */
export function readFilesDocument(count: number): string {
  const { variables, files } = pathFields(count)
  return `query ReadFiles($owner: String!, $name: String!, $qualifiedName: String!, $useDefaultBranch: Boolean!, $workBranch: String!, $withWorkBranch: Boolean!${variables}) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef @include(if: $useDefaultBranch) { ...Files }
    ref(qualifiedName: $qualifiedName) @skip(if: $useDefaultBranch) { ...Files }
    workBranch: ref(qualifiedName: $workBranch) @include(if: $withWorkBranch) { ...Files }
  }
}

fragment Files on Ref {
  target {
    ... on Commit {${files}
    }
  }
}

${FILE_TEXT}`
}

export interface FileText {
  object: {
    oid?: string
    byteSize?: number
    isBinary?: boolean | null
    isTruncated?: boolean
    text?: string | null
  } | null
}

export interface ReadFilesResult {
  repository: Branches<{ target: Record<string, FileText | null | undefined> | null }> | null
}
