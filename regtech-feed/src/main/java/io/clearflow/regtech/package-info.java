/**
 * Regulatory announcement feeds (issue 17): sources and polling ({@code source}, {@code fetch}, {@code poll}),
 * reading feeds and list pages ({@code parse}), deduplication, classification and the tracker ({@code item}),
 * and the impact assessment process that raises demands ({@code assess}).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.regtech;
