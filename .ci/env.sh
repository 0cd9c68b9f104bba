# Sourced by the build scripts: puts the tools on PATH and, where the wasm32 standard library
# did not come from rustup, selects Debian's Rust and builds std from source. These are plain
# cargo settings from the environment, so an ordinary machine builds with stable Rust as usual.
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ ! -d "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown/lib" ] \
  && rustup toolchain list 2>/dev/null | grep -q '^web'; then
  export HSC_WASM_TOOLCHAIN=web
fi
# For wasm builds only (Trunk runs cargo with these); host builds and tests keep the default toolchain.
wasm_env() {
  if [ "${HSC_WASM_TOOLCHAIN:-}" = web ]; then
    env RUSTUP_TOOLCHAIN=web RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/bin/rust-lld "$@"
  else
    "$@"
  fi
}
