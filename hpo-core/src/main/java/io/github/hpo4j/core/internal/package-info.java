/**
 * Internal machinery shared between hpo-core's packages (JSON codecs). Not an API: anything here
 * may change in any release.
 */
package io.github.hpo4j.core.internal;
