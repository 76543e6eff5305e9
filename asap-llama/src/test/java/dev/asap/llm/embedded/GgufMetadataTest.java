package dev.asap.llm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufMetadataTest {
  @TempDir
  Path dir;

  @Test
  void readsTheScalarMetadataOfAWrittenModel() throws IOException {
    Path file = TinyLlamaModel.write(dir.resolve("tiny.gguf"), 1);

    GgufMetadata metadata = GgufMetadata.read(file);

    assertThat(metadata.string("general.architecture")).hasValue("llama");
    assertThat(metadata.string("tokenizer.chat_template")).hasValue(TinyLlamaModel.CHAT_TEMPLATE);
    assertThat(metadata.bool("tokenizer.ggml.add_bos_token")).hasValue(true);
    assertThat(metadata.addsBosToken()).isTrue();
  }

  @Test
  void bosDefaultsFollowTheTokenizerWhenTheFileDoesNotSay() throws IOException {
    assertThat(metadataOf("llama", "").addsBosToken()).isTrue();
    assertThat(metadataOf("gpt2", "qwen2").addsBosToken()).isFalse();
    assertThat(metadataOf("gpt2", "llama-bpe").addsBosToken()).isTrue();
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("absent.gguf");

    assertThatThrownBy(() -> GgufMetadata.read(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString());
  }

  @Test
  void aFileThatIsNoGgufIsNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.gguf"), "just some text, long enough to hold a header");

    assertThatThrownBy(() -> GgufMetadata.read(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text.toAbsolutePath().toString())
        .hasMessageContaining("not a GGUF");
  }

  @Test
  void aTruncatedHeaderIsRejected() throws IOException {
    byte[] whole = Files.readAllBytes(TinyLlamaModel.write(dir.resolve("whole.gguf"), 1));
    Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, 200));

    assertThatThrownBy(() -> GgufMetadata.read(cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }

  private GgufMetadata metadataOf(String tokenizer, String pre) throws IOException {
    Path file = dir.resolve(tokenizer + "-" + pre + ".gguf");
    GgufWriter writer = new GgufWriter().putString("tokenizer.ggml.model", tokenizer);
    if (!pre.isEmpty()) {
      writer.putString("tokenizer.ggml.pre", pre);
    }
    writer.write(file);
    return GgufMetadata.read(file);
  }
}
