import AuthStore
import Migration
import Testing

/// Which session formats can be derived from which.
@Suite struct SessionFormatPlanTests {
    @Test(arguments: [
        (SessionTokenFormat.luciaV3, nil as SessionTokenFormat?, SessionTokenFormat.luciaV3, false),
        (.luciaV3, .luciaV3, .luciaV3, false),
        (.luciaV3, .sha256, .sha256, true),
        (.sha256, nil, .sha256, false),
        (.sha256, .sha256, .sha256, false),
        (.split, nil, .split, false),
        (.split, .split, .split, false),
    ])
    func derives(_ source: SessionTokenFormat, _ requested: SessionTokenFormat?, _ format: SessionTokenFormat, _ hashes: Bool) throws {
        #expect(try SessionFormatPlan.resolve(source: source, requested: requested) == SessionFormatPlan(format: format, hashesIDs: hashes))
    }

    @Test(arguments: [
        (SessionTokenFormat.luciaV3, SessionTokenFormat.split, "cannot be derived from existing tokens"),
        (.sha256, .split, "cannot be derived from existing tokens"),
        (.sha256, .luciaV3, "cookie values cannot be recovered"),
        (.split, .luciaV3, "cookie values cannot be recovered"),
        (.split, .sha256, "cannot be derived"),
    ])
    func refuses(_ source: SessionTokenFormat, _ requested: SessionTokenFormat, _ reason: String) {
        let error = #expect(throws: MigrationError.self) { try SessionFormatPlan.resolve(source: source, requested: requested) }
        #expect(error?.description.contains(reason) == true)
    }
}
