//! URL resolution and scheme checks.
