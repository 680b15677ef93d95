/**
 * What the GitHub stand-in needs of GraphQL around its resolvers (github-graphql.ts): GitHub's published
 * schema (@octokit/graphql-schema), a document's operation, and an error as GitHub answers it.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  buildClientSchema,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql'

let schemaPromise: Promise<GraphQLSchema> | undefined
/**
 * GitHub's published schema, from the package's introspection (schema.json) rather than its SDL: the
 * same types, built in a third of the time, which every test file with a GitHub stand-in pays once.
 */
export function githubSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= readFile(resolve('node_modules/@octokit/graphql-schema/schema.json'), 'utf8').then(
    (json) => buildClientSchema(JSON.parse(json) as IntrospectionQuery, { assumeValid: true }),
  )
  return schemaPromise
}

export function githubError(error: GraphQLError): Record<string, unknown> & { message: string } {
  const original = error.originalError as { type?: string } | undefined
  return {
    ...(original?.type ? { type: original.type } : {}),
    path: error.path,
    locations: error.locations,
    message: error.message,
  }
}

export function operationName(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)
  return operation && 'name' in operation ? operation.name?.value : undefined
}

export function isMutation(document: DocumentNode): boolean {
  return document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.MUTATION,
  )
}
