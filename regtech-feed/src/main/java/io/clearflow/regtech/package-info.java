/**
 * Regulatory announcement feeds (issue 17): sources and polling ({@code source}, {@code fetch}, {@code poll}),
 * reading feeds and list pages ({@code parse}), deduplication, classification and the tracker ({@code item}),
 * the impact assessment process that raises demands or opens governance scenarios ({@code assess}), subscriptions,
 * notices and the weekly digest ({@code subscribe}), the editable topic dictionary and reclassification
 * ({@code rules}) and, with the kafka profile, publication of items through an outbox ({@code publish}).
 *
 * <p>Module boundary: may depend only on the modules architecture.md allows (checked by the module-graph test in deploy).
 */
package io.clearflow.regtech;
