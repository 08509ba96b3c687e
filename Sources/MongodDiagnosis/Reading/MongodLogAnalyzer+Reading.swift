extension MongodLogAnalyzer {
    /// Analyses a log file of any size with bounded time and memory: reads it backwards in blocks
    /// to the last startup (at most `limits.scanLimit` from the end), then streams its lines
    /// forward from there. With no startup in that part, only that part is analysed
    /// (`scope.truncated`, and a `log.tail-only` finding says so).
    ///
    /// Throws `LogReadError` when the file cannot be read, `MongodDiagnosisError.notAMongodLog`
    /// when no line is a mongod log or stderr line.
    public func analyze(file: some LogFileAccess, source: String, limits: LogReadLimits = .standard) throws -> MongodLogAnalysis {
        let start = try StartupLocator(limits: limits).locate(in: file)
        var collector = StartupCollector(catalog: catalog, limits: limits, previousVersion: start.previousVersion)
        var splitter = LineSplitter(maxLineBytes: limits.maxLineBytes, skipsFirstLine: !start.foundStartup && start.offset > 0)
        var firstLine: Int64?
        var offset = start.offset
        var bytesRead = start.bytesRead
        while offset < file.size {
            let chunk = try file.read(offset: offset, count: Int(min(Int64(limits.blockSize), file.size - offset)))
            if chunk.isEmpty { break }
            bytesRead += Int64(chunk.count)
            splitter.feed(chunk, offset: offset) { line, at in
                if firstLine == nil { firstLine = at }
                collector.consume(line, offset: at)
            }
            offset += Int64(chunk.count)
        }
        splitter.finish(offset: offset) { line, at in
            if firstLine == nil { firstLine = at }
            collector.consume(line, offset: at)
        }
        let truncated = !start.foundStartup && start.offset > 0
        let scope = LogReadScope(
            bytesRead: bytesRead, startedAtOffset: firstLine ?? start.offset, truncated: truncated, scanLimit: limits.scanLimit)
        return try analyze(collector.log, startupCount: max(collector.startups, 1), scope: scope, source: source)
    }

    /// Analyses a log read forward once (standard input), keeping only what the analysis needs
    /// of the last startup so far: memory stays bounded however much is piped in. Line numbers
    /// count from the start of the stream; `scope.startedAtOffset` is where the last startup began.
    public func analyze(stream: inout some LogByteStream, source: String, limits: LogReadLimits = .standard) throws -> MongodLogAnalysis {
        var collector = StartupCollector(catalog: catalog, limits: limits)
        var splitter = LineSplitter(maxLineBytes: limits.maxLineBytes)
        var offset: Int64 = 0
        while true {
            let chunk = try stream.read(maxCount: limits.blockSize)
            if chunk.isEmpty { break }
            splitter.feed(chunk, offset: offset) { line, at in collector.consume(line, offset: at) }
            offset += Int64(chunk.count)
        }
        splitter.finish(offset: offset) { line, at in collector.consume(line, offset: at) }
        let scope = LogReadScope(bytesRead: offset, startedAtOffset: 0, truncated: false, scanLimit: limits.scanLimit)
        var analysis = try analyze(collector.log, startupCount: max(collector.startups, 1), scope: scope, source: source)
        analysis.scope.startedAtOffset = collector.startupOffset
        return analysis
    }
}
