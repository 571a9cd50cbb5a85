using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Data;

public sealed class SqliteErpSyncDb(DbContextOptions<SqliteErpSyncDb> options, TimeProvider? timeProvider = null, Sync.CrmChangeSignal? changeSignal = null) : ErpSyncDb(options, timeProvider, changeSignal);
