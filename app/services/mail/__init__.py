"""Mail (SPEC §8): the outbox and its delivery."""
