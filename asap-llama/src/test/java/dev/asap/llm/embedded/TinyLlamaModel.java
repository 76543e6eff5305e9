package dev.asap.llm.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A llama-architecture GGUF with seeded random F32 weights (2 blocks, 64-wide, about 0.4 MB): enough for
 * llama.cpp to load, tokenize, apply the chat template and generate, so tests run the real engine without
 * any downloaded model. Its answers are noise; only the system path around them is meaningful.
 *
 * <p>The tokenizer is GPT-2 style byte-level BPE: the 128 ASCII byte symbols, a few whole non-ASCII
 * characters (2, 3 and 4 UTF-8 bytes), a few merges, and three ChatML control tokens. There are no tokens
 * for single bytes of 128 and above: a random model would string them into invalid UTF-8, which llama.cpp's
 * grammar partly accepts (overlong forms decode to ordinary code points) but Java decodes to U+FFFD, so
 * answers would break maxLength. {@code <|im_end|>} ends a turn; {@code <|endoftext|>} is the BOS token,
 * added to every prompt ({@code tokenizer.ggml.add_bos_token}) so tests see BOS handling.
 */
public final class TinyLlamaModel {
  static final int CONTEXT = 2048;
  static final int EMBEDDING = 64;
  static final int BLOCKS = 2;
  static final int HEADS = 4;
  static final int KV_HEADS = 2;
  static final int FEED_FORWARD = 128;

  static final String CHAT_TEMPLATE = "{% for message in messages %}"
      + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
      + "{% endfor %}"
      + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

  private static final List<String> MERGES = List.of("Ġ t", "h e", "i n", "e r", "a n", "o n", "Ġt he");
  private static final List<String> WHOLE_CHARACTERS = List.of("é", "ü", "λ", "€", "中", "😀");
  private static final int TOKEN_NORMAL = 1;
  private static final int TOKEN_CONTROL = 3;

  private TinyLlamaModel() {}

  /** Writes the model to {@code file} with weights drawn from {@code seed}; returns {@code file}. */
  public static Path write(Path file, long seed) throws IOException {
    List<String> tokens = vocabulary();
    int[] types = new int[tokens.size()];
    Arrays.fill(types, TOKEN_NORMAL);
    int endOfText = tokens.indexOf("<|endoftext|>");
    int imEnd = tokens.indexOf("<|im_end|>");
    for (int i = endOfText; i < tokens.size(); i++) {
      types[i] = TOKEN_CONTROL;
    }
    int vocab = tokens.size();
    int headDim = EMBEDDING / HEADS;

    GgufWriter gguf = new GgufWriter()
        .putString("general.architecture", "llama")
        .putString("general.name", "tiny-random-llama")
        .putUInt32("general.alignment", GgufWriter.ALIGNMENT)
        .putUInt32("llama.context_length", CONTEXT)
        .putUInt32("llama.embedding_length", EMBEDDING)
        .putUInt32("llama.block_count", BLOCKS)
        .putUInt32("llama.feed_forward_length", FEED_FORWARD)
        .putUInt32("llama.attention.head_count", HEADS)
        .putUInt32("llama.attention.head_count_kv", KV_HEADS)
        .putUInt32("llama.rope.dimension_count", headDim)
        .putFloat32("llama.rope.freq_base", 10000f)
        .putFloat32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
        .putString("tokenizer.ggml.model", "gpt2")
        .putString("tokenizer.ggml.pre", "gpt-2")
        .putStrings("tokenizer.ggml.tokens", tokens)
        .putInt32s("tokenizer.ggml.token_type", types)
        .putStrings("tokenizer.ggml.merges", MERGES)
        .putUInt32("tokenizer.ggml.bos_token_id", endOfText)
        .putUInt32("tokenizer.ggml.eos_token_id", imEnd)
        .putBool("tokenizer.ggml.add_bos_token", true)
        .putString("tokenizer.chat_template", CHAT_TEMPLATE);

    Random random = new Random(seed);
    int kvWidth = headDim * KV_HEADS;
    gguf.addTensor("token_embd.weight", gaussian(random, EMBEDDING * vocab), EMBEDDING, vocab);
    for (int b = 0; b < BLOCKS; b++) {
      String blk = "blk." + b + ".";
      gguf.addTensor(blk + "attn_norm.weight", ones(EMBEDDING), EMBEDDING)
          .addTensor(blk + "attn_q.weight", gaussian(random, EMBEDDING * EMBEDDING), EMBEDDING, EMBEDDING)
          .addTensor(blk + "attn_k.weight", gaussian(random, EMBEDDING * kvWidth), EMBEDDING, kvWidth)
          .addTensor(blk + "attn_v.weight", gaussian(random, EMBEDDING * kvWidth), EMBEDDING, kvWidth)
          .addTensor(blk + "attn_output.weight", gaussian(random, EMBEDDING * EMBEDDING), EMBEDDING, EMBEDDING)
          .addTensor(blk + "ffn_norm.weight", ones(EMBEDDING), EMBEDDING)
          .addTensor(blk + "ffn_gate.weight", gaussian(random, EMBEDDING * FEED_FORWARD), EMBEDDING, FEED_FORWARD)
          .addTensor(blk + "ffn_up.weight", gaussian(random, EMBEDDING * FEED_FORWARD), EMBEDDING, FEED_FORWARD)
          .addTensor(blk + "ffn_down.weight", gaussian(random, FEED_FORWARD * EMBEDDING), FEED_FORWARD, EMBEDDING);
    }
    gguf.addTensor("output_norm.weight", ones(EMBEDDING), EMBEDDING)
        .addTensor("output.weight", gaussian(random, EMBEDDING * vocab), EMBEDDING, vocab);
    gguf.write(file);
    return file;
  }

  /** ASCII byte symbols (byte b at id b), whole characters, merged symbols, then the control tokens. */
  static List<String> vocabulary() {
    List<String> tokens = new ArrayList<>();
    for (int b = 0; b < 128; b++) {
      tokens.add(byteSymbol(b));
    }
    for (String c : WHOLE_CHARACTERS) {
      StringBuilder symbols = new StringBuilder();
      for (byte b : c.getBytes(StandardCharsets.UTF_8)) {
        symbols.append(byteSymbol(b & 0xFF));
      }
      tokens.add(symbols.toString());
    }
    for (String merge : MERGES) {
      tokens.add(merge.replace(" ", ""));
    }
    tokens.addAll(List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>"));
    return tokens;
  }

  /**
   * GPT-2's byte-to-unicode map, which llama.cpp's BPE tokenizer expects: printable bytes stand for
   * themselves, the others (controls, space, 127-160, 173) are shifted to code points from 256 on.
   */
  static String byteSymbol(int b) {
    boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    if (printable) {
      return new String(Character.toChars(b));
    }
    int shifted = 0;
    for (int i = 0; i < b; i++) {
      boolean p = (i >= '!' && i <= '~') || (i >= 0xA1 && i <= 0xAC) || (i >= 0xAE && i <= 0xFF);
      if (!p) {
        shifted++;
      }
    }
    return new String(Character.toChars(256 + shifted));
  }

  private static float[] gaussian(Random random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextGaussian() * 0.1);
    }
    return a;
  }

  private static float[] ones(int n) {
    float[] a = new float[n];
    Arrays.fill(a, 1f);
    return a;
  }
}
