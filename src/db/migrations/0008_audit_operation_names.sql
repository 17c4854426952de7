-- The eligibility record's audit entry in the activity log's spelling (snake_case operation, lower-case
-- resource), as the others were renamed in 0007_rel_relationships.sql; records written before are renamed.
update audit_records set operation_type = 'record_customer_eligibility' where operation_type = 'RecordCustomerEligibility';
update audit_records set resource_type = 'customer_eligibility_validation' where resource_type in ('CustomerEligibilityValidation', 'customereligibilityvalidation');
