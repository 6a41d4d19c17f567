/**
 * How a deployment is carried out, behind one interface: the embedded runner and Jenkins.
 */
package io.clearflow.delivery.execution;
