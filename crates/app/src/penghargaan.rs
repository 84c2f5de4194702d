//! TODO(issue 7): use cases of penghargaan.
