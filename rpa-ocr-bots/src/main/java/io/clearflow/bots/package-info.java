/**
 * Bot runtime as external workers of the engine; account-opening and reconciliation bots (issue: rpa-ocr-bots).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.bots;
