using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Data;

public sealed class PostgresErpSyncDb(DbContextOptions<PostgresErpSyncDb> options, TimeProvider? timeProvider = null, Sync.CrmChangeSignal? changeSignal = null) : ErpSyncDb(options, timeProvider, changeSignal);
