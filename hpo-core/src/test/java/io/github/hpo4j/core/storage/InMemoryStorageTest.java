package io.github.hpo4j.core.storage;

class InMemoryStorageTest extends StorageConformanceTest {
    @Override
    Storage newStorage() {
        return Storage.inMemory();
    }
}
