package io.physforge.audit.chain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * RFC 8785 examples that apply to the value types of an audit event.
 */
class CanonicalJsonTest {

	@Test
	void sortsKeysByUtf16CodeUnitsAsRfc8785Section323() {
		String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", "
				+ "\"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", "
				+ "\"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\", "
				+ "\"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";
		String canonical = CanonicalJson.canonicalize(input);
		assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
				+ "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
				+ "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
	}

	@Test
	void escapesStringsAsRfc8785Section3222() {
		// the example string of RFC 8785 section 3.2.2.2, escaped again for Java
		String input = "{\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"}";
		assertThat(CanonicalJson.canonicalize(input))
			.isEqualTo("{\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
	}

	@Test
	void writesLiteralsAndNestedStructuresWithoutWhiteSpace() {
		assertThat(CanonicalJson.canonicalize("{ \"literals\" : [ null , true , false ] }"))
			.isEqualTo("{\"literals\":[null,true,false]}");
		assertThat(CanonicalJson.canonicalize("{\"b\":{\"d\":[1,-2,{\"z\":0,\"a\":9007199254740991}]},\"a\":[]}"))
			.isEqualTo("{\"a\":[],\"b\":{\"d\":[1,-2,{\"a\":9007199254740991,\"z\":0}]}}");
	}

	@Test
	void controlCharactersUseShortOrLowerCaseEscapes() {
		assertThat(CanonicalJson.canonicalize("\"\\b\\t\\n\\f\\r\\u0001\\u001F\\u007f\""))
			.isEqualTo("\"\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\"");
	}

	@Test
	void isIdempotent() {
		String once = CanonicalJson.canonicalize("{\"x\":\"\\u00e9\\ud83d\\ude00\",\"a\":[true,{\"q\":null}]}");
		assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
	}

	@Test
	void refusesNonIntegralNumbersAndDuplicatesAndLoneSurrogates() {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"n\":1.5}"))
			.withMessageContaining("non-integral number 1.5 at $.n");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"n\":1e3}"))
			.withMessageContaining("non-integral");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("[9007199254740992]"))
			.withMessageContaining("exact range");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"))
			.withMessageContaining("not valid JSON");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("\"\\ud800\""))
			.withMessageContaining("lone surrogate");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.canonicalize("{} {}"))
			.withMessageContaining("not valid JSON");
	}

}
