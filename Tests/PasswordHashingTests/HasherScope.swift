import PasswordHashing

/// Runs `body` with a hasher of its own and shuts the hasher's pool down afterwards, whatever happens.
func withHasher<R>(
    _ parameters: Argon2Parameters = .lucia,
    maxConcurrentHashes: Int = 2,
    _ body: (PasswordHasher) async throws -> R
) async throws -> R {
    let hasher = PasswordHasher(parameters: parameters, maxConcurrentHashes: maxConcurrentHashes)
    do {
        let result = try await body(hasher)
        await hasher.shutdown()
        return result
    } catch {
        await hasher.shutdown()
        throw error
    }
}
