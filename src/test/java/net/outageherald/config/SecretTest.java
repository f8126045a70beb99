package net.outageherald.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void printsAsStarsAndRevealsOnlyOnRequest() {
        // GIVEN a secret
        Secret secret = new Secret("hunter2");

        // WHEN it is printed, concatenated or formatted
        String printed = secret + " " + String.format("%s", secret);

        // THEN only stars show, while reveal() still gives the value to whoever needs it
        assertThat(printed).isEqualTo("*** ***").doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void equalsAnotherSecretWithTheSameValue() {
        // GIVEN two secrets read from different places with the same value
        Secret fromEnv = new Secret("s3cret");
        Secret fromFile = new Secret("s3cret");

        // WHEN / THEN they are equal, so configs compare by value, and a different value is not
        assertThat(fromEnv).isEqualTo(fromFile).hasSameHashCodeAs(fromFile);
        assertThat(fromEnv).isNotEqualTo(new Secret("other"));
    }
}
