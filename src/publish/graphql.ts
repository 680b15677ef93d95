/**
 * The GraphQL documents the action sends to GitHub. Tests validate each against GitHub's published
 * schema (@octokit/graphql-schema).
 */

/**
 * The branch head and, for each folder the change writes to, the names and blob ids of its files:
 * enough to tell which files are new or changed without downloading any content. One alias per
 * folder (`folder0`, `folder1`, …) because a run writes to one or two folders (posts, data).
 */
export function readBranchQuery(folderCount: number): string {
  const indexes = [...Array(folderCount).keys()]
  const variables = indexes.map((index) => `, $folder${index}: String!`).join('')
  const folders = indexes
    .map(
      (index) =>
        `folder${index}: file(path: $folder${index}) { object { ... on Tree { entries { name oid } } } }`,
    )
    .join('\n          ')
  return `query ReadBranch($owner: String!, $name: String!, $qualifiedName: String!, $useDefaultBranch: Boolean!${variables}) {
  repository(owner: $owner, name: $name) {
    nameWithOwner
    defaultBranchRef @include(if: $useDefaultBranch) { ...BranchFiles }
    ref(qualifiedName: $qualifiedName) @skip(if: $useDefaultBranch) { ...BranchFiles }
  }
}

fragment BranchFiles on Ref {
  name
  target {
    ... on Commit {
      oid
      ${folders}
    }
  }
}`
}

export interface FolderEntries {
  object: { entries?: Array<{ name: string; oid: string }> } | null
}

export interface ReadBranchResult {
  repository: {
    nameWithOwner: string
    defaultBranchRef?: BranchFiles | null
    ref?: BranchFiles | null
  } | null
}

export interface BranchFiles {
  name: string
  target: ({ oid: string } & Record<string, FolderEntries | null | string>) | null
}

/** One commit on a branch, only if the branch still points where we read it (compare-and-swap). */
export const CREATE_COMMIT_ON_BRANCH = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    commit {
      oid
      url
    }
  }
}`

export interface CreateCommitResult {
  createCommitOnBranch: { commit: { oid: string; url: string } | null } | null
}
