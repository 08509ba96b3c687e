/// Cross-option rules of the URI Options, Load Balancer, SRV, SOCKS5 and Server Selection
/// specs: combinations that make a connection string invalid.
struct OptionRules {
    /// TLS options that must never appear together (URI Options spec, "Conflicting TLS options").
    private static let exclusiveTLS: [(String, String)] = [
        ("tlsInsecure", "tlsAllowInvalidCertificates"),
        ("tlsInsecure", "tlsAllowInvalidHostnames"),
        ("tlsInsecure", "tlsDisableOCSPEndpointCheck"),
        ("tlsInsecure", "tlsDisableCertificateRevocationCheck"),
        ("tlsAllowInvalidCertificates", "tlsDisableOCSPEndpointCheck"),
        ("tlsAllowInvalidCertificates", "tlsDisableCertificateRevocationCheck"),
        ("tlsDisableOCSPEndpointCheck", "tlsDisableCertificateRevocationCheck"),
    ]

    let options: ParsedOptions
    let scheme: ConnectionString.Scheme
    let hostCount: Int

    /// Checks every rule, reporting to `log`.
    func check(log: inout IssueLog) {
        checkTLS(log: &log)
        checkTopology(log: &log)
        checkSRV(log: &log)
        checkProxy(log: &log)
        checkReadPreference(log: &log)
    }

    private func bool(_ name: String) -> Bool? {
        if case let .bool(value) = options.values[name] { return value }
        return nil
    }

    private func int(_ name: String) -> Int? {
        if case let .int(value) = options.values[name] { return value }
        return nil
    }

    private func position(_ names: String...) -> Int? {
        names.compactMap { options.positions[$0] }.max()
    }

    private func checkTLS(log: inout IssueLog) {
        for (first, second) in Self.exclusiveTLS where options.present.contains(first) && options.present.contains(second) {
            log.error(
                URIIssueID.conflictingOptions,
                "'\(first)' and '\(second)' must not both be given (whatever their values)",
                at: position(first, second)
            )
        }
        if bool("tls") == false {
            let tlsOnly = ["tlsCAFile", "tlsCertificateKeyFile", "tlsAllowInvalidCertificates", "tlsAllowInvalidHostnames", "tlsInsecure"]
            for name in tlsOnly where options.present.contains(name) {
                log.note(URIIssueID.ineffectiveOption, "'\(name)' has no effect because tls=false", at: position(name))
            }
        }
    }

    private func checkTopology(log: inout IssueLog) {
        if bool("directConnection") == true {
            if scheme == .mongodbSRV {
                log.error(
                    URIIssueID.srvDirectConnection,
                    "directConnection=true is not allowed with mongodb+srv:// (the SRV record may list several hosts)",
                    at: position("directConnection")
                )
            } else if hostCount > 1 {
                log.error(
                    URIIssueID.multipleHostsDirectConnection,
                    "directConnection=true is not allowed with \(hostCount) hosts: give one host, or drop directConnection",
                    at: position("directConnection")
                )
            }
        }
        guard bool("loadBalanced") == true else { return }
        if hostCount > 1 {
            log.error(
                URIIssueID.invalid,
                "loadBalanced=true requires exactly one host (the load balancer), but \(hostCount) are given",
                at: position("loadBalanced")
            )
        }
        if bool("directConnection") == true {
            log.error(
                URIIssueID.conflictingOptions,
                "loadBalanced=true and directConnection=true must not be combined",
                at: position("loadBalanced", "directConnection")
            )
        }
        if options.present.contains("replicaSet") {
            log.error(
                URIIssueID.conflictingOptions,
                "loadBalanced=true and replicaSet must not be combined",
                at: position("loadBalanced", "replicaSet")
            )
        }
    }

    private func checkSRV(log: inout IssueLog) {
        if scheme != .mongodbSRV {
            for name in ["srvServiceName", "srvMaxHosts"] where options.present.contains(name) {
                log.error(URIIssueID.invalid, "'\(name)' is only allowed with mongodb+srv://", at: position(name))
            }
            return
        }
        guard let maxHosts = int("srvMaxHosts"), maxHosts > 0 else { return }
        if options.present.contains("replicaSet") {
            log.error(
                URIIssueID.conflictingOptions,
                "srvMaxHosts=\(maxHosts) and replicaSet must not be combined",
                at: position("srvMaxHosts", "replicaSet")
            )
        }
        if bool("loadBalanced") == true {
            log.error(
                URIIssueID.conflictingOptions,
                "srvMaxHosts=\(maxHosts) and loadBalanced=true must not be combined",
                at: position("srvMaxHosts", "loadBalanced")
            )
        }
    }

    private func checkProxy(log: inout IssueLog) {
        let values = options.values
        if values["proxyHost"] == nil {
            for name in ["proxyPort", "proxyUsername", "proxyPassword"] where values[name] != nil {
                log.error(URIIssueID.invalid, "'\(name)' requires 'proxyHost'", at: position(name))
            }
            return
        }
        if (values["proxyUsername"] == nil) != (values["proxyPassword"] == nil) {
            let given = values["proxyUsername"] == nil ? "proxyPassword" : "proxyUsername"
            let missing = given == "proxyUsername" ? "proxyPassword" : "proxyUsername"
            log.error(URIIssueID.invalid, "'\(given)' requires '\(missing)' as well", at: position(given))
        }
    }

    private func checkReadPreference(log: inout IssueLog) {
        let tags: [[String: String]]
        if case let .tags(sets) = options.values["readPreferenceTags"] { tags = sets } else { tags = [] }
        let hasTags = tags.contains { !$0.isEmpty }
        let mode = options.values["readPreference"]
        if mode == .string("primary") {
            if hasTags {
                log.error(
                    URIIssueID.conflictingOptions,
                    "readPreferenceTags cannot be used with readPreference=primary",
                    at: position("readPreferenceTags")
                )
            }
            if let staleness = int("maxStalenessSeconds"), staleness != -1 {
                log.error(
                    URIIssueID.conflictingOptions,
                    "maxStalenessSeconds cannot be used with readPreference=primary",
                    at: position("maxStalenessSeconds")
                )
            }
        } else if mode == nil, hasTags || options.values["maxStalenessSeconds"] != nil {
            let name = hasTags ? "readPreferenceTags" : "maxStalenessSeconds"
            log.note(
                URIIssueID.ineffectiveOption,
                "'\(name)' without readPreference: the default mode 'primary' does not allow it",
                at: position(name)
            )
        }
    }
}
