//! Every fixture's full analysis under insta: a change in any stage shows up here, line by line.

#[test]
fn fixtures_match_their_snapshots() {
    let pipeline = isnad::default_pipeline().expect("the default pipeline builds");
    isnad::testing::snapshot_fixtures(&pipeline, "tests/fixtures");
}
