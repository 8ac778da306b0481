import { describeServiceProcess } from '@buqi/testing';
import { serviceInfo } from './service-info';

describeServiceProcess(serviceInfo);
