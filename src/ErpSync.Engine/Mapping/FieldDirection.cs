namespace ErpSync.Engine.Mapping;

/// <summary>The sync direction of a mapped field.</summary>
public enum FieldDirection
{
    None = 0,
    ToCrm = 1,
    ToErp = 2,
    Both = 3,
}

public static class FieldDirections
{
    public static FieldDirection From(bool toCrm, bool toErp) => (FieldDirection)((toCrm ? 1 : 0) | (toErp ? 2 : 0));

    public static bool ToCrm(this FieldDirection direction) => (direction & FieldDirection.ToCrm) != 0;

    public static bool ToErp(this FieldDirection direction) => (direction & FieldDirection.ToErp) != 0;
}
