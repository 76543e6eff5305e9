package dev.asap.llm.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of llama.cpp's KV-cache slots serves which prompt family, and what each slot holds. A family keeps its
 * slot; a new family takes an empty slot, or when none is left the one used longest ago (whose cache then
 * holds the other family's prompt, which {@link PromptCache} accounts for: the reuse is whatever prefix the two
 * prompts share).
 */
final class SlotTable {
  private final List<String> families = new ArrayList<>(); // index = slot; null while the slot is unused
  private final List<PromptCache> caches = new ArrayList<>();
  private final long[] lastUse;
  private long clock;

  SlotTable(int slots, int leadingTokens) {
    lastUse = new long[slots];
    for (int i = 0; i < slots; i++) {
      families.add(null);
      caches.add(new PromptCache(leadingTokens));
    }
  }

  /** The slot for {@code family}'s next request, now marked as the most recently used. */
  int slotFor(String family) {
    int slot = families.indexOf(family);
    if (slot < 0) {
      slot = families.indexOf(null);
    }
    if (slot < 0) {
      slot = 0;
      for (int i = 1; i < lastUse.length; i++) {
        if (lastUse[i] < lastUse[slot]) {
          slot = i;
        }
      }
    }
    families.set(slot, family);
    lastUse[slot] = ++clock;
    return slot;
  }

  PromptCache cache(int slot) {
    return caches.get(slot);
  }
}
