//! Fixture plugins for the loader tests of `isnad-plugin` (see `examples/`): each example builds
//! to one small shared library that fails in one way. Nothing to use here.
