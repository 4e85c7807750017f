"""allauth.mfa adapter: TOTP secrets and recovery-code seeds are stored encrypted.

allauth calls `encrypt`/`decrypt` around every secret it keeps in `mfa_authenticator.data`
(the TOTP secret, the recovery-code seed, migrated codes); we seal them with the master key
(keel.core.crypto) so a database dump does not let anyone mint second-factor codes.
"""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter

from keel.core import crypto

# The hook receives only the text, not the authenticator row (allauth encrypts before the
# row exists), so the associated data can only name the purpose, not the row: a sealed
# secret copied onto another user's authenticator would still open. Moving a row's data
# needs write access to the database, which could as well delete the authenticator.
MFA_AAD = "mfa"


class KeelMFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text.encode("utf-8"), aad=MFA_AAD)

    def decrypt(self, encrypted_text: str) -> str:
        # Strict on purpose: a plaintext value here means the data migration did not run
        # (accounts 0003), and accepting it would let a planted secret pass as ours.
        return crypto.decrypt(encrypted_text, aad=MFA_AAD).decode("utf-8")
