/** Password hashing (Argon2id through BouncyCastle) and generated passwords. */
package io.weft.auth.intelliproxy.password;
