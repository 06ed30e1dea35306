/** The case store: one SQLite file per case. See store.ts for the guarantees. */
export { CaseStore, CASE_EXTENSION } from './store.js';
export type { AddArtifactOptions, AddArtifactResult, BeginImportOptions, CaseOptions, CreateCaseOptions } from './store.js';
export { ImportWriter } from './import.js';
export { AnchorCollector, CaseEventList, ANCHOR_EVERY } from './event-list.js';
export type { CaseListInfo, ListAnchors } from './event-list.js';
export type { ImportCounts } from './import.js';
export { verifyCase, assertVerified } from './verify.js';
export type { ArtifactCheck, ArtifactStatus, InterruptedImport, VerifyIssue, VerifyOptions, VerifyReport } from './verify.js';
export { AUDIT_ACTIONS, entryHash } from './audit.js';
export type { AuditAction, AuditEntry, ChainReport } from './audit.js';
export { hashEvidence, openEvidence } from './evidence.js';
export { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
export { assertNoSecrets, isSecretKey } from './secrets.js';
export { canonicalJson } from './canonical.js';
export * from './types.js';
export { exportCase } from './export.js';
export type { CaptureSelection, ExportManifest, ExportOptions, ExportResult, ManifestFile } from './export.js';
