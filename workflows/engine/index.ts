export type { DecideContext, DomainEvent, MachineEvent, Message, Stamped, WorkflowDefinition, WorkflowState, WorkflowVersions } from './definition.js';
export { versionOf, workflowVersions } from './definition.js';
export { decideAndCheck, type Decision } from './decide.js';
export { WorkflowEngine, type CommandResult, type EngineOptions, type ExecuteHints } from './engine.js';
export { validateCommand, fieldIssues } from './field-issues.js';
export { allowedCommands, foldEvents, emptyStream, initialSnapshot, type FoldedStream } from './fold.js';
export { canonicalJson, deriveEventId, GENESIS_HASH, hashEvent, verifyChain, type ChainVerdict } from './hash-chain.js';
