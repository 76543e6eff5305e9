package dev.asap.store;

class InMemoryStoreTest extends StoreContract {
  @Override
  protected StudyStore newStore() {
    return new InMemoryStore();
  }
}
