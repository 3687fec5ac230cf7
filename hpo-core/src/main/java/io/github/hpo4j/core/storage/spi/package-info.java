/**
 * The service-provider interface of storages: the events a study writes and reads, which every
 * storage implements (in memory, journal file, and any other), and which users do not call.
 *
 * <p>Users hold a {@link io.github.hpo4j.core.storage.Storage} (open, list studies, close) and
 * work through {@link io.github.hpo4j.core.study.Study}; a storage implementation implements
 * {@link io.github.hpo4j.core.storage.spi.StorageBackend}, as a JDBC driver implements the
 * driver SPI behind a {@code DataSource}.
 *
 * <p>Stability: evolving. Methods may be added (with default implementations where possible)
 * in a minor release.
 */
package io.github.hpo4j.core.storage.spi;
