//! Render: plain text and Markdown from the sanitized article tree.
