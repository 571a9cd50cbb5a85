namespace ErpSync.Engine.Mapping;

public enum CrmFieldType
{
    Text,
    Integer,
    Decimal,
    Checkbox,
    Date,
    List,
}
