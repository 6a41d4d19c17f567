/**
 * Pre-go-live evidence of critical systems' versions: {@link io.clearflow.delivery.evidence.PreGoLiveEvidence} is
 * implemented by each practice (stress testing here, the vendor code audit in its own package) and
 * {@link io.clearflow.delivery.evidence.EvidenceGate} is what the change flow asks before approval and deployment.
 */
package io.clearflow.delivery.evidence;
