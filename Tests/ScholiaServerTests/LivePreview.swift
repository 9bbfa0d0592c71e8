import Testing

/// Tests that start a real server. One at a time: each builds a site, and a 2-core machine is busy enough.
@Suite(.serialized) struct LivePreview {}
