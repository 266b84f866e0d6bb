# onus as a container image: built in a Rust image, run from a distroless
# one as a non-root user. See docs/CI.md.
#   docker build -t onus .
#   docker run --rm -v "$PWD:/src:ro" onus scan .

# The toolchain of Cargo.toml's rust-version.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /build
COPY . .
RUN cargo build --release --locked -p onus-cli \
    && cp target/release/onus /onus

# glibc and libgcc, no shell, no package manager; uid 65532 is its `nonroot`.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /onus /usr/local/bin/onus
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/onus"]
CMD ["scan", "."]
