-- Invites by token (SPEC §3): a pending invite activates only through the link
-- mailed to the invited address. The token is an HMAC of (membership, nonce)
-- under the server's secret key, so owners can be shown the link again
-- (invite_url) while the table alone reveals nothing: it keeps the nonce and
-- the token's SHA-256 (looked up on accept). A new invite gets a new nonce,
-- which voids the old link.
ALTER TABLE memberships ADD COLUMN invite_nonce TEXT;
ALTER TABLE memberships ADD COLUMN invite_token_hash TEXT;
CREATE UNIQUE INDEX memberships_invite_token ON memberships (invite_token_hash)
  WHERE invite_token_hash IS NOT NULL;
