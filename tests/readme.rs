//! The README's examples with their output (its `console` blocks), run
//! against the binary: an example that drifts from the program fails.

#[test]
fn readme_examples() {
    trycmd::TestCases::new()
        .register_bin("spacefilm-tui", trycmd::cargo::cargo_bin!("spacefilm-tui"))
        .case("README.md");
}
