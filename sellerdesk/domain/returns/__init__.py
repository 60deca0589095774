"""Returns and refunds: the per-order checklist of amazon-policy.md §4, its deadlines and
guardrails. Pure domain code: no Qt, no SQL, no I/O beyond reading the rules file."""
