//! TODO(issue 7): rules of penghargaan.
