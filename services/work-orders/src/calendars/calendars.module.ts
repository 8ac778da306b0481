import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CalendarService } from './calendar.service';
import { CalendarsController } from './http/calendars.controller';
import { CalendarYearRepository } from './persistence/calendar-year.repository';
import { CALENDAR_YEAR_MODEL, calendarYearSchema } from './persistence/calendar-year.schema';
import { EnterCalendarYear } from './use-cases/enter-calendar-year.use-case';

/**
 * Working calendars as managed data (`working_calendars`, one document a year, seeded with 2026),
 * the admin API to enter a year, and CalendarService: the multi-year calendar for the rest of
 * work-orders, and `onYearEntered` for recomputing due times provisional on a year once it is entered.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: CALENDAR_YEAR_MODEL, schema: calendarYearSchema }])],
  controllers: [CalendarsController],
  providers: [CalendarYearRepository, CalendarService, EnterCalendarYear],
  exports: [CalendarService],
})
export class CalendarsModule {}
