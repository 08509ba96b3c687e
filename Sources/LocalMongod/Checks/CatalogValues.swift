import DoctorCore

/// The values the catalog's wording of the local findings names (`{dbpath}`, `{config}`, `{user}`, …),
/// from a run's settings. Each finding site passes the ones its entry uses, so a finding is
/// reworded only where the catalog's text fits what the check established. Never a secret.
struct CatalogValues {
    let settings: LocalSettings
    let commands: FixCommands

    /// `{user}`: whom fixes give files to (the service user, with its group when known), where the
    /// log analysis can only say `$USER`.
    var user: String { commands.owner }
    /// `{serviceUser}`: the account mongod runs as.
    var serviceUser: String { settings.serviceUser.value }
    /// `{dbpath}`: the effective data directory.
    var dbpath: String { settings.dbPath.value }
    /// `{port}`: the effective port.
    var port: String { String(settings.port.value) }
    /// `{config}`: the configuration file, else the platform's usual one; `nil` on Windows without
    /// one (its usual path depends on the installed version, so a command naming it is not shown).
    var config: String? {
        if let path = settings.configPath?.value { return path }
        return settings.platform == .windows ? nil : commands.configFile(settings)
    }

    /// `pairs` without the unknown values.
    static func known(_ pairs: KeyValuePairs<String, String?>) -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in pairs { if let value { values[name] = value } }
        return values
    }
}

extension LocalState {
    /// The catalog values of a run's settings.
    func catalogValues(_ settings: LocalSettings) -> CatalogValues {
        CatalogValues(settings: settings, commands: commands(settings))
    }
}
