import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ContractorsController } from './http/contractors.controller';
import { CrewsController } from './http/crews.controller';
import { DepartmentsController } from './http/departments.controller';
import { PeopleController } from './http/people.controller';
import { SuggestionsController } from './http/suggestions.controller';
import { CONTRACTOR_MODEL, contractorSchema } from './persistence/contractor.schema';
import { ContractorRepository } from './persistence/contractor.repository';
import { CREW_MODEL, crewSchema } from './persistence/crew.schema';
import { CrewRepository } from './persistence/crew.repository';
import { DEPARTMENT_MODEL, departmentSchema } from './persistence/department.schema';
import { DepartmentRepository } from './persistence/department.repository';
import { PERSON_MODEL, personSchema } from './persistence/person.schema';
import { PersonRepository } from './persistence/person.repository';
import { workloadInUse } from './ports/assignee-workload';
import {
  CreateDepartment,
  GetDepartment,
  ListDepartments,
  ReviseDepartment,
} from './use-cases/departments.use-cases';
import { Directory } from './use-cases/directory.service';
import { DirectorySupport } from './use-cases/directory-support';
import { CreatePerson, GetPerson, ListPeople, RevisePerson } from './use-cases/people.use-cases';
import { SuggestAssignees } from './use-cases/suggest-assignees.use-case';
import {
  CreateContractor,
  CreateCrew,
  ReadWorkforce,
  ReviseContractor,
  ReviseCrew,
} from './use-cases/workforce.use-cases';

/**
 * The directory (管办分离): departments and people, who manage; crews and contractors, who deliver;
 * and the suggested assignee of a work order. Other modules read it through `Directory`. The
 * suggestion's load and on-time figures come from ASSIGNEE_WORKLOAD when a global module provides
 * it (the orders will), zeros until then (see ports/assignee-workload.ts). No events are published,
 * so no outbox is registered.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DEPARTMENT_MODEL, schema: departmentSchema },
      { name: PERSON_MODEL, schema: personSchema },
      { name: CREW_MODEL, schema: crewSchema },
      { name: CONTRACTOR_MODEL, schema: contractorSchema },
    ]),
  ],
  controllers: [
    DepartmentsController,
    PeopleController,
    CrewsController,
    ContractorsController,
    SuggestionsController,
  ],
  providers: [
    DepartmentRepository,
    PersonRepository,
    CrewRepository,
    ContractorRepository,
    DirectorySupport,
    CreateDepartment,
    ReviseDepartment,
    ListDepartments,
    GetDepartment,
    CreatePerson,
    RevisePerson,
    ListPeople,
    GetPerson,
    CreateCrew,
    ReviseCrew,
    CreateContractor,
    ReviseContractor,
    ReadWorkforce,
    workloadInUse,
    SuggestAssignees,
    Directory,
  ],
  exports: [Directory, PersonRepository, CrewRepository, ContractorRepository, DepartmentRepository],
})
export class DirectoryModule {}
