/**
 * The one strict-JSON reader ({@link io.dxrewrite.json.StrictJson}): no repeated field names, a
 * single nesting limit, failures classified without reading the parser's message text. The CLI's
 * JSONL reader and the HTTP API both read user JSON through it.
 */
package io.dxrewrite.json;
