// The JSON Schema keywords that the format (format.ts, TypeBox) uses, as the checker's walk,
// the guide generator and the studio's completion read them.
import type { DiagnosticCode } from './diagnostics.ts';

export type SchemaNode = {
  type?: string;
  const?: unknown;
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  minItems?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  uniqueItems?: boolean;
  default?: unknown;
  description?: string;
  /** Our own keyword: the diagnostic a value that breaks this part of the schema gets. */
  errorCode?: DiagnosticCode;
};
