"""Pure rules and data types: mail parsing, deadlines, policy. No Qt, no SQL."""
